"""What the user reads: the terminal (rich) and the reports (markdown, JSON)."""
