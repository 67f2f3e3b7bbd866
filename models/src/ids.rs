//! The ids that cross the wire, each its own type: a method's id cannot be
//! passed where a challenge's is meant, on either side. An id is opaque —
//! random, URL-safe text made by the server — so any text parses; one that
//! names nothing is simply not found.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! ids {
    ($($(#[doc = $doc:literal])* $name:ident,)*) => {$(
        $(#[doc = $doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        pub struct $name(String);

        impl $name {
            pub fn new(id: impl Into<String>) -> $name {
                $name(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }
    )*};
}

ids! {
    /// One of a person's registered methods.
    MethodId,
    /// A verification by code or call under way (or a reset's first one).
    ChallengeId,
    /// A WebAuthn ceremony under way: registering a key, verifying with
    /// one, or a passkey sign-in.
    CeremonyId,
    /// An authenticator app waiting for its first code.
    PendingAppId,
    /// A person: their account in an organization.
    PersonId,
    /// An organization, with its policy and its people.
    OrganizationId,
    /// An application (an OpenID Connect client): its `client_id`.
    ClientId,
}
