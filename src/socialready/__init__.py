"""socialready: should our organisation start on social media, where, and how do we keep it up?"""

__version__ = "0.1.0"
