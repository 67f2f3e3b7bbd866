use serde::{Deserialize, Serialize};

/// The kinds of security info a person can register (SPEC §2–§6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum MethodKind {
    Phone,
    AlternatePhone,
    OfficePhone,
    AuthenticatorApp,
    Email,
    SecurityQuestions,
    SecurityKey,
}

/// One registered method as the Security info page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MethodView {
    /// Opaque and unguessable; always checked against the signed-in user.
    pub id: String,
    pub kind: MethodKind,
    /// What identifies it to its owner, e.g. a masked number or a key's name.
    pub detail: String,
}
