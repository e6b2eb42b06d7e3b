"""The interview screen: question widgets generated from the form, sections, live indicators."""
