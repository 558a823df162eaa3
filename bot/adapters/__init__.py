"""Chat platforms. Each adapter translates platform events into core calls and core answers into messages."""
