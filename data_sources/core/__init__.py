"""Foundations every layer shares: table schemas (`schema`, declared in `canonical`, `derived`, `curated`,
gathered in `registry`), periods (fiscal years, month arithmetic) and vocabulary."""
