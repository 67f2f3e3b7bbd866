//! `secinfo-server bootstrap`: a new organization and its first
//! administrator, from the server's own command line (S41). The
//! administrator gets a one-time Temporary Access Pass for an hour, with
//! which they sign in, register their methods and set a password. Run
//! again for an organization that exists, it refuses and changes nothing;
//! `--new-pass` gives an administrator who is locked out a fresh pass (the
//! "break glass" way in, recorded in their audit trail).
//!
//! What it prints is for the operator at the server, in English; nothing
//! here is an API answer.

use models::{AccountName, OrganizationId, PersonId};

use crate::audit::{self, Action};
use crate::error::AppError;
use crate::secret;
use crate::state::AppState;
use crate::store::{NewOrganization, NewUser};
use crate::temporary_access_pass::{self, IssuedPass, Issuer};

/// What the command was asked to do.
#[derive(Debug, PartialEq, Eq)]
pub struct Bootstrap {
    pub organization: String,
    /// The organization's first account domain (`--domain`).
    pub domain: String,
    /// Its other domains (`--domain` again).
    pub other_domains: Vec<String>,
    pub admin: String,
    pub display_name: String,
    /// A fresh pass for an existing administrator instead.
    pub new_pass: bool,
}

/// Done: the pass to hand to the administrator, shown once.
#[derive(Debug)]
pub struct Bootstrapped {
    pub admin: AccountName,
    pub pass: IssuedPass,
    pub sign_in_address: String,
    /// A new organization, rather than a new pass.
    pub created: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum BootstrapError {
    #[error("{0}\n\n{USAGE}")]
    Usage(String),
    #[error("\"{0}\" is not an account name (name@domain)")]
    Account(String),
    #[error("the administrator's account must be in one of the organization's domains ({0})")]
    OutsideDomain(String),
    #[error(
        "an organization with the domain {0} (or the account {1}) exists already; nothing was changed (use --new-pass for a locked-out administrator)"
    )]
    Exists(String, String),
    #[error("{0} is not an administrator of any organization here")]
    NotAnAdministrator(String),
    #[error(transparent)]
    Failed(#[from] AppError),
}

pub const USAGE: &str = "usage: secinfo-server bootstrap --organization <name> --domain <domain> \
[--domain <another domain>…] --admin <account> --display-name <name>\n       secinfo-server bootstrap --admin <account> --new-pass";

impl Bootstrap {
    /// Reads the command's flags (after `bootstrap`).
    pub fn from_args(args: impl IntoIterator<Item = String>) -> Result<Bootstrap, BootstrapError> {
        let mut request = Bootstrap {
            organization: String::new(),
            domain: String::new(),
            other_domains: Vec::new(),
            admin: String::new(),
            display_name: String::new(),
            new_pass: false,
        };
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            if flag == "--new-pass" {
                request.new_pass = true;
                continue;
            }
            if flag == "--domain" && !request.domain.is_empty() {
                let value = args
                    .next()
                    .ok_or_else(|| BootstrapError::Usage(format!("{flag} needs a value")))?;
                request.other_domains.push(value.trim().to_owned());
                continue;
            }
            let field = match flag.as_str() {
                "--organization" => &mut request.organization,
                "--domain" => &mut request.domain,
                "--admin" => &mut request.admin,
                "--display-name" => &mut request.display_name,
                other => return Err(BootstrapError::Usage(format!("unknown flag {other}"))),
            };
            let value = args
                .next()
                .ok_or_else(|| BootstrapError::Usage(format!("{flag} needs a value")))?;
            value.trim().clone_into(field);
        }
        let needed: &[(&str, &String)] = if request.new_pass {
            &[("--admin", &request.admin)]
        } else {
            &[
                ("--organization", &request.organization),
                ("--domain", &request.domain),
                ("--admin", &request.admin),
                ("--display-name", &request.display_name),
            ]
        };
        if let Some((flag, _)) = needed.iter().find(|(_, value)| value.is_empty()) {
            return Err(BootstrapError::Usage(format!("{flag} is required")));
        }
        Ok(request)
    }
}

/// Creates the organization and its administrator, or (`new_pass`) gives
/// an existing administrator a new pass.
pub async fn bootstrap(
    state: &AppState,
    request: &Bootstrap,
) -> Result<Bootstrapped, BootstrapError> {
    let admin = AccountName::parse(&request.admin)
        .map_err(|_| BootstrapError::Account(request.admin.clone()))?;
    let sign_in_address = format!("{}{}", state.config.public_origin, models::SIGN_IN_PAGE);
    if request.new_pass {
        let person = state
            .store
            .user_by_account_name(&admin)
            .await
            .map_err(AppError::from)?
            .filter(|person| person.is_admin)
            .ok_or_else(|| BootstrapError::NotAnAdministrator(admin.to_string()))?;
        let pass =
            temporary_access_pass::issue(state, &person, Issuer::CommandLine, None, true).await?;
        return Ok(Bootstrapped {
            admin,
            pass,
            sign_in_address,
            created: false,
        });
    }
    let domains: Vec<String> = std::iter::once(&request.domain)
        .chain(&request.other_domains)
        .map(|d| d.trim_start_matches('@').to_lowercase())
        .collect();
    let domain = domains.join(", ");
    if !domains
        .iter()
        .any(|d| admin.as_str().ends_with(&format!("@{d}")))
    {
        return Err(BootstrapError::OutsideDomain(domain));
    }
    let organization_id = OrganizationId::new(secret::new_id().map_err(AppError::from)?);
    let person_id = PersonId::new(secret::new_id().map_err(AppError::from)?);
    let created = state
        .store
        .create_organization(
            NewOrganization {
                id: &organization_id,
                name: &request.organization,
                domains: &domains,
                // The default policy: every field takes its default.
                policy_json: "{}",
            },
            NewUser {
                id: &person_id,
                organization_id: &organization_id,
                account_name: &admin,
                display_name: &request.display_name,
                // No password until they set one: the pass signs them in.
                password_hash: "",
                locale: None,
                role: models::Role::Administrator,
            },
            state.now(),
        )
        .await
        .map_err(AppError::from)?;
    if !created {
        return Err(BootstrapError::Exists(domain, admin.to_string()));
    }
    let person = state
        .store
        .user_by_account_name(&admin)
        .await
        .map_err(AppError::from)?
        .ok_or_else(|| AppError::broken("the administrator just created"))?;
    let detail = format!("organization:{organization_id}");
    audit::record_unannounced(
        state,
        &person.id,
        Action::OrganizationCreated,
        &detail,
        "",
        "",
    )
    .await?;
    let pass =
        temporary_access_pass::issue(state, &person, Issuer::CommandLine, None, true).await?;
    Ok(Bootstrapped {
        admin,
        pass,
        sign_in_address,
        created: true,
    })
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn the_flags_are_read_and_the_missing_ones_named() {
        let request = Bootstrap::from_args(args(
            "--organization Contoso --domain contoso.example --admin megan@contoso.example --display-name Megan",
        ))
        .unwrap();
        assert_eq!(request.organization, "Contoso");
        assert_eq!(request.domain, "contoso.example");
        assert!(request.other_domains.is_empty());
        assert!(!request.new_pass);
        let two = Bootstrap::from_args(args(
            "--organization Contoso --domain contoso.example --domain contoso.example.org --admin megan@contoso.example --display-name Megan",
        ))
        .unwrap();
        assert_eq!(two.domain, "contoso.example");
        assert_eq!(two.other_domains, ["contoso.example.org"]);
        let missing = Bootstrap::from_args(args("--organization Contoso --admin a@b.example"));
        assert!(matches!(missing, Err(BootstrapError::Usage(m)) if m.contains("--domain")));
        let unknown = Bootstrap::from_args(args("--organisation Contoso"));
        assert!(matches!(unknown, Err(BootstrapError::Usage(m)) if m.contains("--organisation")));
        let new_pass =
            Bootstrap::from_args(args("--admin megan@contoso.example --new-pass")).unwrap();
        assert!(new_pass.new_pass);
    }
}
