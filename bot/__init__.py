"""briefbot: sourced answers about a news event, in the chat apps people already use."""

__version__ = "0.1.0"
