"""The desktop client. Every PySide6 import of the project lives in this package."""
