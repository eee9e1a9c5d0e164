"""A short flow through the API with the client openapi-python-client
generates from openapi/openapi.json (.ci/clients runs it): sign up, enter a
co-op, have a steward approve it, import a tender as an OCDS package, open a
bid on it and read the bid back as OCDS.

Usage: python flow.py BASE_URL STEWARD_EMAIL STEWARD_PASSWORD
"""

import sys
from uuid import UUID

from coophub_client import AuthenticatedClient, Client
from coophub_client.api.auth import login, register
from coophub_client.api.bidding import (
    bid_ocds,
    create_bid,
    import_opportunities,
    show_opportunity,
)
from coophub_client.api.coops import change_membership, create_coop, show_coop
from coophub_client.models import (
    BidBody,
    BidView,
    CoopRequest,
    CoopView,
    ImportAnswer,
    LegalForm,
    LocationBody,
    LoginRequest,
    MembershipRequestApprove,
    MembershipRequestApproveAction,
    OcdsClassification,
    OcdsOrganizationReference,
    OcdsPackage,
    OcdsPeriod,
    OcdsRelease,
    OcdsTender,
    OcdsValue,
    OpportunityView,
    OrganisationalStructure,
    RegisterRequest,
    TokenResponse,
)


def check(holds: bool, what: str) -> None:
    if not holds:
        raise SystemExit(f"python client: expected {what}")


def sign_in(base: str, email: str, password: str) -> AuthenticatedClient:
    # Signing in is anonymous (`security: [{}]`); the generator types every
    # operation that declares security as taking an AuthenticatedClient, but
    # a plain Client sends the same request.
    answer = login.sync_detailed(
        client=Client(base_url=base), body=LoginRequest(email=email, password=password)
    )
    check(isinstance(answer.parsed, TokenResponse), f"a token for {email}: {answer.content!r}")
    assert isinstance(answer.parsed, TokenResponse)
    return AuthenticatedClient(base_url=base, token=answer.parsed.access_token)


def main(base: str, steward_email: str, steward_password: str) -> None:
    anonymous = Client(base_url=base)
    email, password = "python-client@example.coop", "python-client-password"
    registered = register.sync_detailed(
        client=anonymous,
        body=RegisterRequest(email=email, name="Python Client", password=password),
    )
    check(registered.status_code == 201, f"201 on register: {registered.content!r}")
    admin = sign_in(base, email, password)
    steward = sign_in(base, steward_email, steward_password)

    slug = "python-coop"
    created = create_coop.sync_detailed(
        client=admin,
        body=CoopRequest(
            slug=slug,
            name="Python Co-op",
            summary="A worker co-op made by a generated client",
            location=LocationBody(locality="Leeds", country="gb"),
            legal_form=LegalForm.COOPERATIVE_SOCIETY,
            organisational_structure=OrganisationalStructure.WORKER_COOP,
        ),
    )
    check(created.status_code == 201, f"201 on a new co-op: {created.content!r}")
    approved = change_membership.sync_detailed(
        slug,
        client=steward,
        body=MembershipRequestApprove(action=MembershipRequestApproveAction.APPROVE),
    )
    check(
        isinstance(approved.parsed, CoopView)
        and approved.parsed.membership.status == "approved",
        f"the co-op approved: {approved.content!r}",
    )

    ocid = "ocds-python-client-0001"
    package = OcdsPackage(
        uri="https://example.org/packages/2",
        version="1.1",
        published_date="2026-11-02T09:00:00Z",
        releases=[
            OcdsRelease(
                ocid=ocid,
                id=f"{ocid}-tender-1",
                date="2026-11-02T09:00:00Z",
                tag=["tender"],
                initiation_type="tender",
                buyer=OcdsOrganizationReference(id="GB-YORK", name="City of York Council"),
                tender=OcdsTender(
                    id="1",
                    title="Accessible library catalogue",
                    status="active",
                    value=OcdsValue(amount=80000.25, currency="GBP"),
                    tender_period=OcdsPeriod(end_date="2099-01-31T12:00:00Z"),
                    classification=OcdsClassification(scheme="CPV", id="72212000"),
                ),
            )
        ],
    )
    imported = import_opportunities.sync_detailed(client=admin, body=package)
    check(
        isinstance(imported.parsed, ImportAnswer) and imported.parsed.created == 1,
        f"one tender created: {imported.content!r}",
    )
    assert isinstance(imported.parsed, ImportAnswer)
    opportunity_id = imported.parsed.items[0].id
    shown = show_opportunity.sync_detailed(opportunity_id, client=anonymous)
    check(
        isinstance(shown.parsed, OpportunityView)
        and shown.parsed.value is not None
        and shown.parsed.value.amount == 8000025,
        f"the value read exactly, in minor units: {shown.content!r}",
    )

    bid = create_bid.sync_detailed(
        client=admin,
        body=BidBody(opportunity_id=opportunity_id, lead_coop=slug, title="A catalogue, together"),
    )
    check(isinstance(bid.parsed, BidView), f"a new bid: {bid.content!r}")
    assert isinstance(bid.parsed, BidView)
    published = bid_ocds.sync_detailed(UUID(str(bid.parsed.id)), client=admin)
    check(isinstance(published.parsed, OcdsPackage), f"an OCDS package: {published.content!r}")
    assert isinstance(published.parsed, OcdsPackage)
    releases = published.parsed.releases
    check(isinstance(releases, list) and releases[0].ocid == ocid, "the tender's process")
    assert isinstance(releases, list)
    details = releases[0].bids.details if releases[0].bids else None
    tenderers = details[0].tenderers if details else None
    check(
        isinstance(tenderers, list) and tenderers[0].id == f"coophub-{slug}",
        "the co-op as the bid's tenderer",
    )
    extensions = published.parsed.extensions
    check(
        isinstance(extensions, list) and any("ocds_bid_extension" in url for url in extensions),
        "the bids extension declared",
    )

    coop = show_coop.sync_detailed(slug, client=anonymous)
    check(
        isinstance(coop.parsed, CoopView)
        and coop.parsed.location is not None
        and coop.parsed.location.country == "GB",
        f"the country kept in upper case: {coop.content!r}",
    )
    print("python client: the flow passed")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
