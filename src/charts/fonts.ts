import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The family every picture is drawn in. */
export const FONT = 'DejaVu Sans';

// TrueType only: resvg silently drops every label drawn with a WOFF font.
// Loading the files explicitly (and no system fonts) makes the picture the
// same on every machine.
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
