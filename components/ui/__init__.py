"""Streamlit pieces shared by the pages: the cached data store, the sidebar filters and small widgets."""
