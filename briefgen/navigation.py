"""Actor pages in the navigation: a section under Actors, highlighted while one of them is read."""

from __future__ import annotations

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section, _add_parent_links, _add_previous_and_next_links

ACTORS_PAGE = "actors.md"
ACTOR_PAGES = "actors/"


def nest_actor_pages(nav: Navigation, files: Files) -> Navigation:
    """Turn the Actors entry into a section: the list of all actors first, then each actor's page."""
    index = next(
        (i for i, item in enumerate(nav.items) if item.is_page and item.file.src_uri == ACTORS_PAGE),
        None,
    )
    pages = sorted(
        (f.page for f in files.documentation_pages() if f.src_uri.startswith(ACTOR_PAGES) and f.page is not None),
        key=lambda page: page.file.src_uri,
    )
    if index is None or not pages:
        return nav
    listing = nav.items[index]
    nav.items[index] = Section(listing.title, [listing, *pages])
    listing.title = f"All {listing.title.lower()}"
    _add_parent_links(nav.items)
    position = nav.pages.index(listing) + 1
    nav.pages[position:position] = [p for p in pages if p not in nav.pages]
    _add_previous_and_next_links(nav.pages)
    return nav
