"""Getting raw files: HTTP with retries and limits, Socrata paging, the snapshot store, refresh,
import from a folder, and the first-run fill."""
