"""Reporting: rich tables, summary statistics and (later) plots of search results."""
