-- The organization's logo (an SVG document from its configuration), shown
-- in the header beside its name. Served on its own with a sandboxing CSP, so
-- that the document can never run script under our origin.
ALTER TABLE organizations ADD COLUMN logo_svg TEXT;
