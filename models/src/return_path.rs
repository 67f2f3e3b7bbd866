/// Where to go after signing in, from a `?next=` value: only a path on our
/// own site, never another site (an open redirect would help phishing).
pub fn safe_return_path(next: Option<&str>) -> &str {
    const HOME: &str = "/security-info";
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => {
            path
        }
        _ => HOME,
    }
}

#[cfg(test)]
mod tests {
    use super::safe_return_path;

    #[test]
    fn return_paths_stay_on_our_site() {
        assert_eq!(safe_return_path(Some("/security-info")), "/security-info");
        assert_eq!(safe_return_path(Some("/")), "/");
        assert_eq!(safe_return_path(Some("//evil.example")), "/security-info");
        assert_eq!(
            safe_return_path(Some("https://evil.example")),
            "/security-info"
        );
        assert_eq!(safe_return_path(Some("/\\evil.example")), "/security-info");
        assert_eq!(safe_return_path(Some("")), "/security-info");
        assert_eq!(safe_return_path(None), "/security-info");
    }
}
