"""The plan file: its model, its YAML shape on disk, and changes between two plans."""
