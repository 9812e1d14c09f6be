"""socialready: should our organisation start on social media, where, and how do we keep it up?

The version lives in the package metadata (pyproject.toml); `socialready --version` reads it there.
"""
