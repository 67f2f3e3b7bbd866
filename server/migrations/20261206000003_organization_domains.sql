-- An organization's account domains: one or more, an account name in one
-- of them. The first is also `organizations.account_domain`. Bootstrap
-- refuses a domain another organization has (the test fixtures' own
-- organizations share one, so the table does not forbid it).
CREATE TABLE organization_domains (
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    domain TEXT NOT NULL,
    PRIMARY KEY (organization_id, domain)
);
CREATE INDEX organization_domains_by_domain ON organization_domains (domain);
INSERT INTO organization_domains (organization_id, domain)
    SELECT id, account_domain FROM organizations;
