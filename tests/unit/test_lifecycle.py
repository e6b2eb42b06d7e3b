from screening import lifecycle


def test_editable_counted_and_sendable_partition_the_statuses_as_the_rule_says():
    assert set(lifecycle.EDITABLE) | {lifecycle.FINALISED, lifecycle.APPROVED} == set(
        lifecycle.STATUSES)
    assert lifecycle.DRAFT not in lifecycle.COUNTED
    assert lifecycle.RETURNED in lifecycle.COUNTED  # it was finalised once: it happened
    assert lifecycle.RETURNED not in lifecycle.SENDABLE  # it waits for the correction
    assert not set(lifecycle.SENDABLE) & set(lifecycle.EDITABLE)


def test_finalised_at_is_the_last_finalisation_and_empty_while_editing():
    trail = [("interview_created", "t0"), ("interview_finalised", "t1"),
             ("interview_returned", "t2"), ("interview_finalised", "t3"),
             ("interview_approved", "t4")]
    assert lifecycle.finalised_at(lifecycle.APPROVED, trail) == "t3"
    assert lifecycle.finalised_at(lifecycle.RETURNED, trail) == ""
    assert lifecycle.finalised_at(lifecycle.FINALISED, [("interview_imported", "p")]) == "p"
    assert lifecycle.finalised_at(lifecycle.FINALISED, []) == ""
