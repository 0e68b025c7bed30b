"""Foundations every layer shares: table schemas, periods (fiscal years, month arithmetic) and vocabulary."""
