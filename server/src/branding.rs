//! The organization's identity beside the product's: its logo, an SVG
//! document from its configuration.

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use models::OrganizationId;

/// Large enough for any reasonable mark, small enough to read per request.
pub const LOGO_MAX_BYTES: usize = 64 * 1024;

/// What the header loads: the path carries the organization's id only.
pub fn logo_path(organization_id: &OrganizationId) -> String {
    use models::endpoints::{OrganizationLogo, path_at};
    path_at::<OrganizationLogo>(organization_id)
}

/// Why a logo cannot be used, if it cannot. The document is served under a
/// sandboxing CSP and shown through `<img>`, where no script runs; this
/// only keeps out what is not an SVG at all.
pub fn check_logo(svg: &str) -> Result<(), &'static str> {
    let trimmed = svg.trim_start();
    if svg.len() > LOGO_MAX_BYTES {
        return Err("the logo is larger than 64 KiB");
    }
    if !(trimmed.starts_with("<svg") || trimmed.starts_with("<?xml")) || !svg.contains("</svg>") {
        return Err("the logo is not an SVG document");
    }
    Ok(())
}

/// The organization's logo; not found when it has none (or no such
/// organization exists).
pub async fn logo(state: &AppState, organization_id: &OrganizationId) -> AppResult<String> {
    state
        .store
        .organization_logo(organization_id)
        .await?
        .ok_or_else(AppError::not_found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_svg_document_is_a_logo_and_anything_else_is_not() {
        assert!(check_logo(r#"<svg xmlns="http://www.w3.org/2000/svg"></svg>"#).is_ok());
        assert!(check_logo("<?xml version=\"1.0\"?>\n<svg></svg>").is_ok());
        assert!(check_logo("<html><svg></svg></html>").is_err());
        assert!(check_logo("<svg>").is_err());
        let huge = format!("<svg>{}</svg>", " ".repeat(LOGO_MAX_BYTES));
        assert!(check_logo(&huge).is_err());
    }
}
