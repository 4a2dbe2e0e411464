/** The query parameter that carries searched terms to the result page for highlighting. */
export const HIGHLIGHT_PARAM = 'highlight';
