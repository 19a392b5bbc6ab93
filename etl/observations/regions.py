"""Region codes as sources write them (NUTS, SCB länskod, SCB riksområde, Kolada id) to NUTS."""

from __future__ import annotations

from indicators.models import RegionRegistry


def region_lookup(registry: RegionRegistry) -> dict[str, str]:
    """'SE331', '24' and '0024' all mean Västerbottens län: map each to 'SE331'."""
    lookup = {code: code for code in registry.regions}
    for region in registry.regions.values():
        if region.scb_code:
            lookup[region.scb_code] = region.code
        if region.kolada_code:
            lookup[region.kolada_code] = region.code
    return lookup
