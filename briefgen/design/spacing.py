"""The design's sizes that are not type or colour: paddings, indents, spacing around
blocks, page offsets, chart lines and the watermark, each named once.

`system.Design` holds one of each group; the PDF writer, the Word writer and the charts
read them and only convert units. Points unless a field says "em" (a multiple of the
body size, so the one-page summary shrinks it with the type) or "mm" (page geometry).
Where the two formats keep distinct values, the field says why.
"""

from __future__ import annotations

import math

from briefgen.frozen import frozen

WATERMARK_OPACITY = 0.08
MM = 72 / 25.4  # points per mm


@frozen
class Pad:
    """Padding inside a cell or box, in points."""

    top: float
    right: float
    bottom: float
    left: float


@frozen
class TableSpace:
    """Paddings of the table kinds and the space after a table."""

    data: Pad = Pad(3.5, 5.0, 4.0, 5.0)  # a data table's cells
    # Word spaces a cell's text with its paragraphs' spacing (`cell_text`) as well as the
    # cell margin, where reportlab has only the padding: the sides agree, the margin above
    # and below is what is left of `data` once the paragraphs' spacing is counted.
    data_word_y: float = 1.5
    cell_text: float = 0.12  # em above and below a cell's paragraphs in Word
    facts: Pad = Pad(2.5, 6.0, 2.5, 0.0)  # label/value rows: flush left with the text around
    figures: Pad = Pad(5.0, 8.0, 5.0, 8.0)  # headline figures
    after: float = 0.8  # em after a data table
    figures_after: float = 0.6  # em after a headline-figures panel


@frozen
class BoxSpace:
    """Call-outs, fact boxes and quotes."""

    pad: Pad = Pad(9.0, 9.0, 7.0, 11.0)  # inside a box (the left side clears the bar)
    after: float = 0.9  # em after a box (Word: the "Table Spacer" after every table)
    beside_gutter: float = 1.2  # em between a fact box's facts and its locator map
    quote_pad: float = 10.0  # between a quote's bar and its text, and on its right
    quote_inset: float = 24.0  # a quote's text is this much narrower than the column
    quote_after: float = 6.0


@frozen
class ListSpace:
    """List indents and spacing. Each list indents by its own marker's room from its
    parent's text, the marker at the level's start, in both formats (Word's list styles
    hold one kind's steps; a mixed nesting states its indent on the paragraph)."""

    bullet: float = 1.3  # em: text indent of a bulleted list
    number: float = 1.8  # em: of a numbered list, which needs room for "10."
    item_after: float = 0.3  # em after an item's last paragraph
    after: float = 0.4  # em after a list


@frozen
class BlockSpace:
    """Space around rules, figures, notes and code."""

    figure_after: float = 8.0  # after a figure or chart
    figure_before_word: float = 0.6  # em: Word's "Figure" paragraph (the PDF's image has none)
    figure_after_word: float = 0.2  # em: between a Word figure and its caption
    rule_before: float = 6.0  # a Markdown `---`
    rule_after: float = 10.0
    rule_before_word: float = 0.2  # em; Word draws the rule as a paragraph border
    rule_after_word: float = 1.0  # em
    notes_rule_before: float = 8.0  # the short rule above notes
    notes_rule_after: float = 2.0
    notes_rule_before_word: float = 1.0  # em
    notes_rule_length: float = 0.3  # of the text width
    note_hang: float = 14.0  # a note's number to its text (Word)
    code_inset: float = 5.65  # Word: left and right of a code block (the PDF indents by the "code" role)
    border_gap_quote: int = 10  # points between a Word paragraph border and its text: quote bar
    border_gap_rule: int = 1  # thematic and notes rules
    border_gap_head: int = 4  # the running head's rule
    section_rule_length: float = 0.18  # of the text width: the accent under a section title
    rule_paragraph: float = 4.0  # Word: the exact height of a paragraph that only draws a rule
    accent_paragraph: float = 2.0  # Word: of one that draws the section or cover accent


@frozen
class PageSpace:
    """Page furniture and cover offsets, in mm."""

    head_above_text: float = 7.0  # PDF: the running head's baseline above the text frame
    head_rule_below: float = 2.5  # its rule below that baseline
    head_title_share: float = 0.62  # of the page width: the running title's room
    foot_below_text: float = 10.0  # the footer's baseline below the text frame
    foot_rule_above: float = 4.0  # its rule above that baseline
    marking_top: float = 9.0  # the marking's baseline from the page's top edge
    marking_bottom: float = 7.0  # and from its bottom edge
    header_distance: float = 10.0  # Word: header and footer from the page edge (at most 0.6 of the margin)
    header_share: float = 0.6
    section_room: float = 60.0  # a section starts on a new page unless this much room is left
    # the summary page
    summary_band: float = 24.0  # height of its top band
    summary_strip: float = 7.0  # above the band, for a client's marking (only when there is one)
    summary_top: float = 9.0  # text below the band
    summary_bottom: float = 14.0  # bottom margin
    summary_logo: float = 12.0  # logo height
    summary_logo_rise: float = 6.0  # logo above the band's bottom
    summary_label_rise: float = 13.0
    summary_date_rise: float = 8.0
    # the cover
    cover_band_share: float = 0.56  # of the page height
    cover_logo_top: float = 18.0
    cover_logo: float = 16.0
    cover_title_rise: float = 16.0  # the title block's foot above the band's bottom
    cover_details_below: float = 18.0
    cover_details_gap: float = 2.0
    cover_details_share: float = 0.7  # of the text width
    cover_client_logo: float = 18.0  # height
    cover_client_logo_width: float = 45.0  # at most, from the right margin
    cover_client_logo_below: float = 40.0
    cover_tagline: float = 16.0  # baseline above the page's bottom edge
    cover_document_id: float = 21.0
    contents_number: float = 14.0  # the contents' page-number column
    # Word's logos as large as fit these boxes (width, height)
    word_logo: tuple[float, float] = (55.0, 22.0)  # the cover's (its height: `cover_logo`)
    word_band_logo: tuple[float, float] = (40.0, 14.0)
    word_band_inset: float = 3.0  # Word: the summary band's words start this far into the band
    word_summary_head: float = 2.0  # Word: the summary's header (its marking) from the page's top
    word_band_logo_room: float = 20.0  # points beside the band's logo


@frozen
class ChartLines:
    """Chart strokes, marks and tints, in points (both the drawn and the native charts)."""

    title: float = 10.0  # type sizes
    label: float = 8.0
    small: float = 7.0  # never below 7, for print legibility
    grid: float = 0.5
    axis: float = 0.8
    series: float = 1.6  # a line series
    marker: float = 2.2  # radius of a line's point (Word sizes its markers in whole points)
    marker_edge: float = 0.6
    map_frame: float = 0.5  # the frame round a region map
    inset_frame: float = 0.4  # round a locator inset, drawn smaller
    ring: float = 0.9  # round a country too small to see on a locator
    hatch: float = 0.35  # a hatched area's lines
    leader: float = 0.5  # from a map label to its place
    timeline_axis: float = 1.0
    timeline_tick: float = 0.6
    timeline_stem: float = 0.5  # from an event to its label
    timeline_dot_edge: float = 0.8
    tint: float = 0.45  # the third and later series: brand colours toward white
    tint_more: float = 0.6  # beyond the five base colours


@frozen
class WatermarkLook:
    """The diagonal watermark: as large as `size`, smaller when its text would not fit the
    page's diagonal inside the `guard` (mm) from every edge."""

    size: float = 44.0  # points: the largest type size
    opacity: float = WATERMARK_OPACITY  # of the watermark colour over the page
    guard: float = 20.0  # mm kept clear at every page edge
    line: float = 1.2  # ems: the height of the text's box (ascenders to descenders)
    word_opacity: float = 0.5  # of the already paper-mixed colour (`watermark_on_paper`)

    def fitted(self, width_em: float, page_pt: tuple[float, float]) -> float:
        """The type size for a text `width_em` wide (in ems of its size), set at 45° in the
        middle of a page `page_pt` (width, height) in points: its turned box, (width +
        `line`) / √2 on each side, stays inside the guard."""
        room = (min(page_pt) - 2 * self.guard * MM) * math.sqrt(2)
        return min(self.size, room / (width_em + self.line))
