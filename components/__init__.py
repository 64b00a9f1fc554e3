"""Importable building blocks of the dashboard: data loading and validation, transforms, chart and map
builders (none of these import Streamlit), and the small Streamlit pieces under `components.ui`."""
