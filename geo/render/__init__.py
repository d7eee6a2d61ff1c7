"""Renderers: pure builders that return folium maps, plotly figures and images (never draw).

``maps.coverage_map`` is the coverage map; ``assets`` makes maps work with no internet
(Leaflet from the installed xstatic package: Streamlit static serving or inlined).
"""
