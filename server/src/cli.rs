//! The command line: what an operator can ask of the binary besides
//! serving. Parsing only; `main.rs` carries each command out.

use std::path::PathBuf;

use crate::bootstrap;

pub const USAGE: &str = "usage: secinfo-server [COMMAND]

  serve                 serve the product (the default)
  check-config [FILE]   check a configuration (FILE, else SECINFO_CONFIG or
                        secinfo.toml, under the SECINFO_* variables): one line
                        per problem, exit status 1 when there is any
  version               this binary's version and the schema it brings
  health                ask the server serving this configuration whether it
                        is ready (a container's health check): exit status 0
                        when it is
  migrate status        which schema migrations the database has
  migrate apply         apply the ones it lacks (serve does it too)
  backup PATH           an online backup of the SQLite database to PATH
  restore PATH          put a backup back (stop the server first)
  keys rotate           a new key signs OpenID Connect ID tokens from now on
                        (keys also rotate by themselves every 30 days)
  bootstrap ...         a new organization's first administrator (below)";

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Serve,
    CheckConfig(Option<PathBuf>),
    Version,
    Health,
    MigrateStatus,
    MigrateApply,
    Backup(PathBuf),
    Restore(PathBuf),
    KeysRotate,
    Bootstrap(bootstrap::Bootstrap),
    Help,
}

impl Command {
    pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
        let Some(command) = args.next() else {
            return Ok(Command::Serve);
        };
        let usage = |problem: &str| format!("{problem}\n\n{USAGE}\n\n{}", bootstrap::USAGE);
        let command = match command.as_str() {
            "serve" => Command::Serve,
            "check-config" => Command::CheckConfig(args.next().map(PathBuf::from)),
            "version" | "--version" | "-V" => Command::Version,
            "help" | "--help" | "-h" => Command::Help,
            "health" => Command::Health,
            "migrate" => match args.next().as_deref() {
                Some("status") => Command::MigrateStatus,
                Some("apply") => Command::MigrateApply,
                _ => return Err(usage("migrate needs status or apply")),
            },
            "backup" | "restore" => {
                let Some(path) = args.next() else {
                    return Err(usage(&format!("{command} needs a PATH")));
                };
                if command == "backup" {
                    Command::Backup(path.into())
                } else {
                    Command::Restore(path.into())
                }
            }
            "keys" => match args.next().as_deref() {
                Some("rotate") => Command::KeysRotate,
                _ => return Err(usage("keys needs rotate")),
            },
            "bootstrap" => {
                return bootstrap::Bootstrap::from_args(args)
                    .map(Command::Bootstrap)
                    .map_err(|e| e.to_string());
            }
            other => return Err(usage(&format!("unknown command {other}"))),
        };
        match args.next() {
            Some(extra) => Err(usage(&format!("unexpected argument {extra}"))),
            None => Ok(command),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "a test that cannot unwrap has failed")]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Command, String> {
        Command::parse(line.split_whitespace().map(str::to_owned))
    }

    #[test]
    fn commands_parse_and_mistakes_say_what_is_wrong() {
        assert_eq!(parse("").unwrap(), Command::Serve);
        assert_eq!(parse("check-config").unwrap(), Command::CheckConfig(None));
        assert_eq!(
            parse("check-config /etc/secinfo.toml").unwrap(),
            Command::CheckConfig(Some("/etc/secinfo.toml".into()))
        );
        assert_eq!(parse("migrate status").unwrap(), Command::MigrateStatus);
        assert_eq!(
            parse("backup /b/one.db").unwrap(),
            Command::Backup("/b/one.db".into())
        );
        assert!(
            parse("backup")
                .unwrap_err()
                .starts_with("backup needs a PATH")
        );
        assert!(parse("migrate").unwrap_err().starts_with("migrate needs"));
        assert!(
            parse("version now")
                .unwrap_err()
                .starts_with("unexpected argument now")
        );
        assert!(
            parse("frobnicate")
                .unwrap_err()
                .starts_with("unknown command")
        );
    }
}
