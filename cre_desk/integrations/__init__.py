"""Helpdesk and GitHub clients; credentials live only in the OS keyring."""
