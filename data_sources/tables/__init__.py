"""From raw snapshots to canonical, combined and derived tables: build, load, export, explore."""
