-- region_geometry: the boundary of every NUTS region of levels 0–3 (in Sweden level 3 = län),
-- keyed by NUTS code, as a GeoJSON geometry (Polygon or MultiPolygon) in WGS 84 longitude and
-- latitude, rounded to 0.001 degree. From Eurostat GISCO's NUTS 2021 release at 1:60 million,
-- made for small thematic maps. Show "© EuroGeographics for the administrative boundaries"
-- beside any map drawn from it.
CREATE VIEW region_geometry AS
SELECT nuts_code, level, country_code, name, geojson, source_file, loaded_at
FROM region_geometry_fact
