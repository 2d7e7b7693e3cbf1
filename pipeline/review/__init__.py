"""Review tools: `vnews diff` (diff.py) and the HTML review page (report.py)."""
