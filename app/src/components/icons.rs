//! The product's icons: one line drawing each, 24 × 24, stroked in the
//! text's colour (so they follow the tokens and dark mode). Every icon is
//! decorative: the text beside it says the same, and screen readers skip it.

use leptos::prelude::*;
use models::MethodKind;

/// What an icon shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Glyph {
    Method(MethodKind),
    Ready,
    Attention,
    Menu,
    Chevron,
    Overview,
    SecurityInfo,
    Password,
    Policy,
    People,
    /// Applications: four tiles.
    Applications,
    SignOut,
    Plus,
}

impl Glyph {
    /// One path for the whole drawing: several sub-paths, arcs for circles.
    fn path(self) -> &'static str {
        match self {
            Glyph::Method(MethodKind::Phone) => {
                "M7.5 2.5h9a1.5 1.5 0 0 1 1.5 1.5v16a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 6 20V4a1.5 1.5 0 0 1 1.5-1.5zM10.5 18h3"
            }
            Glyph::Method(MethodKind::AlternatePhone) => {
                "M9.5 2.5h8a1.5 1.5 0 0 1 1.5 1.5v13a1.5 1.5 0 0 1-1.5 1.5h-8A1.5 1.5 0 0 1 8 17V4a1.5 1.5 0 0 1 1.5-1.5zM5 6.5v13a2 2 0 0 0 2 2h7M12 15.5h3"
            }
            Glyph::Method(MethodKind::OfficePhone) => {
                "M3.5 9.5V8c0-2 3.8-3.5 8.5-3.5s8.5 1.5 8.5 3.5v1.5h-4V8h-9v1.5zM6.5 12h11l1.5 8.5H5zM10 15.5h.01M14 15.5h.01M12 15.5h.01M10 18h4"
            }
            Glyph::Method(MethodKind::AuthenticatorApp) => {
                "M7.5 2.5h9a1.5 1.5 0 0 1 1.5 1.5v16a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 6 20V4a1.5 1.5 0 0 1 1.5-1.5zM9.5 11.5l2 2 3.5-3.5M10.5 18h3"
            }
            Glyph::Method(MethodKind::Email) => "M3.5 5.5h17v13h-17zM3.5 6.5l8.5 6.5 8.5-6.5",
            Glyph::Method(MethodKind::SecurityQuestions) => {
                "M4 4.5h16v11h-9l-4.5 4v-4H4zM10 8.3a2 2 0 1 1 2.6 1.9c-.4.2-.6.5-.6 1v.3M12 13.2h.01"
            }
            Glyph::Method(MethodKind::SecurityKey) => {
                "M11.5 15.5a4 4 0 1 1-8 0a4 4 0 1 1 8 0zM10.3 12.7L19 4M16 7l2.5 2.5M13.8 9.2l2 2M7.5 15.5h.01"
            }
            Glyph::Method(MethodKind::RecoveryCodes) => "M6 3.5h12v17H6zM9 8h6M9 12h6M9 16h3.5",
            Glyph::Ready => "M21 12a9 9 0 1 1-18 0a9 9 0 1 1 18 0zM8 12.5l2.7 2.7L16 9.8",
            Glyph::Attention => "M12 3.5l9.5 16.5h-19zM12 10v4.5M12 17.3h.01",
            Glyph::Menu => "M4 6.5h16M4 12h16M4 17.5h16",
            Glyph::Chevron => "M6.5 9.5l5.5 5.5 5.5-5.5",
            Glyph::Overview => "M3.5 11L12 4l8.5 7M6 9.5V20h12V9.5M10 20v-5h4v5",
            Glyph::SecurityInfo => {
                "M12 2.8l7.5 3v6c0 4.6-3.2 8.3-7.5 9.6c-4.3-1.3-7.5-5-7.5-9.6v-6zM9 12l2.2 2.2L15.5 10"
            }
            Glyph::Password => "M5 11h14v9.5H5zM8 11V8a4 4 0 0 1 8 0v3M12 14.5v2.5",
            Glyph::Policy => "M4 20.5h16M6 20.5v-15h8v15M14 9.5h4v11M9 9h2M9 12.5h2M9 16h2",
            Glyph::People => {
                "M9 11.5a3.5 3.5 0 1 0 0-7a3.5 3.5 0 0 0 0 7zM2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6M16 4.8a3.3 3.3 0 0 1 0 6.4M18 14.4c2.1.7 3.5 2.7 3.5 5.6"
            }
            Glyph::Applications => {
                "M4 4h6.5v6.5H4zM13.5 4H20v6.5h-6.5zM4 13.5h6.5V20H4zM13.5 13.5H20V20h-6.5z"
            }
            Glyph::SignOut => "M14 4.5H6v15h8M10 12h10.5M17 8.5l3.5 3.5-3.5 3.5",
            Glyph::Plus => "M12 5v14M5 12h14",
        }
    }
}

#[component]
pub fn Icon(glyph: Glyph) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=glyph.path()/>
        </svg>
    }
}

/// The method kind's icon, in its badge.
#[component]
pub fn MethodIcon(kind: MethodKind) -> impl IntoView {
    view! {
        <span class="method-icon">
            <Icon glyph=Glyph::Method(kind)/>
        </span>
    }
}
