// NHS identity colours, so charts read as part of the same service as the page around them.
export const NHS_BLUE = '#005eb8';
export const NHS_DARK_BLUE = '#003087';
export const NHS_LIGHT_BLUE = '#41b6e6';
export const NHS_AQUA_GREEN = '#00a499';
export const NHS_WARM_YELLOW = '#ffb81c';
export const NHS_DARK_GREY = '#425563';
export const NHS_PALE_GREY = '#e8edee';
export const TEXT_COLOUR = '#212b32';

/** Sequential scale for choropleths: pale to dark blue, which keeps contrast for colour-blind readers. */
export const SEQUENTIAL_BLUES = ['#e6f0fa', '#9fc3e7', '#418fde', '#005eb8', '#003087'];

export const TEXT_STYLE = { fontFamily: 'Frutiger W01, Arial, sans-serif', color: TEXT_COLOUR };
