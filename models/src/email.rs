//! Email methods: the address, parsed once at the edge.

use crate::ErrorCode;

/// An email address a code can be sent to: `local@domain`, with an ASCII
/// local part and a domain of at least two labels, which may be
/// internationalized (`fabrikäm.example`). The domain is kept in lower case;
/// the server turns it into its ASCII form for the wire (`ascii`, IDNA).
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
        // Letters of any script before the @ too (RFC 6531, as Swedish
        // addresses have them); whether the mail server can deliver to one
        // is the transport's to say (`EmailLocalPartUnsupported`).
        let atext = |c: char| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c);
        let local_ok = (1..=64).contains(&local.chars().count())
            && local.len() <= 64 * 4
            && local
                .split('.')
                .all(|part| !part.is_empty() && part.chars().all(atext));
        let labels: Vec<&str> = domain.split('.').collect();
        // Letters of any script in the domain: IDNA has the final word.
        let label_ok = |l: &&str| {
            (1..=63).contains(&l.chars().count())
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        };
        let top_ok = labels.last().is_some_and(|t| {
            t.chars().count() >= 2 && (t.chars().all(char::is_alphabetic) || t.starts_with("xn--"))
        });
        if labels.len() < 2 || !labels.iter().all(label_ok) || !top_ok {
            return Err(invalid);
        }
        if !local_ok {
            return Err(invalid);
        }
        Ok(EmailAddress {
            local: local.to_owned(),
            domain: domain.to_lowercase(),
        })
    }

    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// The same address with its domain in ASCII (punycode), as mail
    /// servers take it; refused when the domain is not a valid IDNA name.
    #[cfg(feature = "idna")]
    pub fn ascii(&self) -> Result<EmailAddress, ErrorCode> {
        let domain =
            idna::domain_to_ascii_strict(&self.domain).map_err(|_| ErrorCode::InvalidEmail)?;
        Ok(EmailAddress {
            local: self.local.clone(),
            domain,
        })
    }

    /// How the person wrote it: an ASCII (punycode) domain shown in its
    /// own script again.
    #[cfg(feature = "idna")]
    pub fn unicode(address: &str) -> String {
        match address.rsplit_once('@') {
            Some((local, domain)) if domain.contains("xn--") => {
                let (domain, _) = idna::domain_to_unicode(domain);
                format!("{local}@{domain}")
            }
            _ => address.to_owned(),
        }
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
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
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
    fn an_internationalized_domain_and_local_part_are_an_address() {
        let a = EmailAddress::parse("adele@Fabrikäm.example").unwrap();
        assert_eq!(a.domain(), "fabrikäm.example");
        // Swedish and French letters before the @ (RFC 6531).
        assert_eq!(
            EmailAddress::parse("åsa.öberg@fabrikäm.example").map(|a| a.to_string()),
            Ok("åsa.öberg@fabrikäm.example".to_owned())
        );
        assert!(EmailAddress::parse("adèle@fabrikam.example").is_ok());
        assert_eq!(
            EmailAddress::parse("ad èle@fabrikam.example"),
            Err(ErrorCode::InvalidEmail)
        );
        assert_eq!(
            EmailAddress::parse("adele@fabrikam.ex1"),
            Err(ErrorCode::InvalidEmail)
        );
    }

    #[cfg(feature = "idna")]
    #[test]
    fn the_wire_gets_punycode_and_people_see_their_own_script() {
        let a = EmailAddress::parse("adele@Fabrikäm.example").unwrap();
        let ascii = a.ascii().unwrap();
        assert_eq!(ascii.to_string(), "adele@xn--fabrikm-bxa.example");
        assert_eq!(
            EmailAddress::unicode(&ascii.to_string()),
            "adele@fabrikäm.example"
        );
        assert_eq!(
            EmailAddress::unicode("adele@fabrikam.example"),
            "adele@fabrikam.example"
        );
        // Already ASCII stays as it is; a name IDNA refuses is refused.
        let plain = EmailAddress::parse("adele@fabrikam.example").unwrap();
        assert_eq!(plain.ascii().unwrap(), plain);
        let bad = EmailAddress::parse("adele@xn--zz.example").unwrap();
        assert_eq!(bad.ascii(), Err(ErrorCode::InvalidEmail));
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
