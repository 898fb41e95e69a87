"""The one query layer: the CLI, the REST API and the dashboard read the store through these functions."""
