"""Admin > QoS Types has no detail page: its table shows every field."""
