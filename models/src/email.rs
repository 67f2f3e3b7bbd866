//! Email methods: the address, parsed once at the edge.

use crate::ErrorCode;

/// An email address a code can be sent to: `local@domain`, ASCII, with a
/// domain of at least two labels. The domain is kept in lower case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmailAddress {
    local: String,
    domain: String,
}

impl EmailAddress {
    pub const MAX_LEN: usize = 254;

    pub fn parse(raw: &str) -> Result<EmailAddress, ErrorCode> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(ErrorCode::EmailRequired);
        }
        let invalid = ErrorCode::InvalidEmail;
        if trimmed.len() > Self::MAX_LEN {
            return Err(invalid);
        }
        let (local, domain) = trimmed.rsplit_once('@').ok_or(invalid)?;
        let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c);
        let local_ok = (1..=64).contains(&local.len())
            && local
                .split('.')
                .all(|part| !part.is_empty() && part.chars().all(atext));
        let labels: Vec<&str> = domain.split('.').collect();
        let label_ok = |l: &&str| {
            (1..=63).contains(&l.len())
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        };
        let top_ok = labels
            .last()
            .is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic()));
        if !local_ok || labels.len() < 2 || !labels.iter().all(label_ok) || !top_ok {
            return Err(invalid);
        }
        Ok(EmailAddress {
            local: local.to_owned(),
            domain: domain.to_ascii_lowercase(),
        })
    }

    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// Whether the address belongs to `domain` or one of its subdomains
    /// (an organization's own mail cannot reset its own accounts).
    pub fn is_in_domain(&self, domain: &str) -> bool {
        let domain = domain.to_ascii_lowercase();
        self.domain == domain || self.domain.ends_with(&format!(".{domain}"))
    }
}

impl std::fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}@{}", self.local, self.domain)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "a test that cannot unwrap has failed")]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses_and_lowercases_the_domain() {
        let a = EmailAddress::parse("  Adele.Vance+home@Fabrikam.Example ").unwrap();
        assert_eq!(a.to_string(), "Adele.Vance+home@fabrikam.example");
        assert_eq!(a.domain(), "fabrikam.example");
    }

    #[test]
    fn refuses_what_is_not_an_address() {
        assert_eq!(EmailAddress::parse("   "), Err(ErrorCode::EmailRequired));
        for bad in [
            "adele",
            "adele@",
            "@fabrikam.example",
            "adele@fabrikam",
            "adele@@fabrikam.example",
            "ad ele@fabrikam.example",
            "adele..vance@fabrikam.example",
            ".adele@fabrikam.example",
            "adele@-fabrikam.example",
            "adele@fabrikam.example.",
            "adele@fabrikam.e1",
            "adèle@fabrikam.example",
            "adele@fabrikam.example\r\nBcc: x@y.example",
        ] {
            assert_eq!(
                EmailAddress::parse(bad),
                Err(ErrorCode::InvalidEmail),
                "{bad}"
            );
        }
        let long = format!("{}@fabrikam.example", "a".repeat(65));
        assert_eq!(EmailAddress::parse(&long), Err(ErrorCode::InvalidEmail));
    }

    #[test]
    fn the_account_domain_includes_its_subdomains() {
        let a = EmailAddress::parse("adele@mail.Contoso.example").unwrap();
        assert!(a.is_in_domain("contoso.example"));
        assert!(a.is_in_domain("CONTOSO.EXAMPLE"));
        assert!(!a.is_in_domain("oso.example"));
        let b = EmailAddress::parse("adele@notcontoso.example").unwrap();
        assert!(!b.is_in_domain("contoso.example"));
    }
}
