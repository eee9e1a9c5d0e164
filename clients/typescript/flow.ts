// A short flow through the API with the client openapi-typescript and
// openapi-fetch generate from openapi/openapi.json (.ci/clients runs it):
// sign up, enter a co-op, have a steward approve it, import a tender as an
// OCDS package, open a bid on it and read the bid back as OCDS.
// Usage: node flow.js BASE_URL STEWARD_EMAIL STEWARD_PASSWORD
import createClient from "openapi-fetch";
import type { components, paths } from "./schema.js";

type OcdsPackage = components["schemas"]["OcdsPackage"];

const [base, stewardEmail, stewardPassword] = process.argv.slice(2);
if (!base || !stewardEmail || !stewardPassword) {
  throw new Error("usage: node flow.js BASE_URL STEWARD_EMAIL STEWARD_PASSWORD");
}

function check(holds: boolean, what: string): void {
  if (!holds) {
    throw new Error(`expected ${what}`);
  }
}

async function signIn(email: string, password: string): Promise<string> {
  const anonymous = createClient<paths>({ baseUrl: base });
  const { data, error } = await anonymous.POST("/api/v1/auth/login", {
    body: { email, password },
  });
  check(data !== undefined, `a token for ${email}, not ${JSON.stringify(error)}`);
  return data!.access_token;
}

function as(token: string) {
  return createClient<paths>({
    baseUrl: base,
    headers: { Authorization: `Bearer ${token}` },
  });
}

async function main(): Promise<void> {
  const anonymous = createClient<paths>({ baseUrl: base });
  const email = "typescript-client@example.coop";
  const password = "typescript-client-password";
  const registered = await anonymous.POST("/api/v1/auth/register", {
    body: { email, name: "TypeScript Client", password },
  });
  check(registered.response.status === 201, `201 on register, not ${registered.response.status}`);
  const admin = as(await signIn(email, password));
  const steward = as(await signIn(stewardEmail, stewardPassword));

  const slug = "typescript-coop";
  const created = await admin.POST("/api/v1/coops", {
    body: {
      slug,
      name: "TypeScript Co-op",
      summary: "A worker co-op made by a generated client",
      location: { locality: "Leeds", country: "gb" },
      legal_form: "cooperative_society",
      organisational_structure: "worker_coop",
    },
  });
  check(created.response.status === 201, `201 on a new co-op, not ${created.response.status}`);
  const approved = await steward.POST("/api/v1/coops/{slug}/membership", {
    params: { path: { slug } },
    body: { action: "approve", founding: false },
  });
  check(approved.data?.membership?.status === "approved", "the co-op approved");

  const ocid = "ocds-typescript-client-0001";
  const tender: OcdsPackage = {
    uri: "https://example.org/packages/1",
    version: "1.1",
    publishedDate: "2026-11-02T09:00:00Z",
    releases: [
      {
        ocid,
        id: `${ocid}-tender-1`,
        date: "2026-11-02T09:00:00Z",
        tag: ["tender"],
        initiationType: "tender",
        buyer: { id: "GB-LEEDS", name: "Leeds City Council" },
        tender: {
          id: "1",
          title: "Accessible booking service",
          description: "A booking service that works for everyone",
          status: "active",
          value: { amount: 120000.5, currency: "GBP" },
          tenderPeriod: { endDate: "2099-01-31T12:00:00Z" },
          classification: { scheme: "CPV", id: "72212000" },
        },
      },
    ],
  };
  const imported = await admin.POST("/api/v1/opportunities/import", { body: tender });
  check(imported.data?.created === 1, `one tender created, not ${JSON.stringify(imported.error)}`);
  const opportunityId = imported.data!.items[0].id;
  const opportunity = await anonymous.GET("/api/v1/opportunities/{id}", {
    params: { path: { id: opportunityId } },
  });
  check(opportunity.data?.value?.amount === 12000050, "the value read exactly, in minor units");

  const bid = await admin.POST("/api/v1/bids", {
    body: { opportunity_id: opportunityId, lead_coop: slug, title: "Booking, together" },
  });
  check(bid.response.status === 201, `201 on a new bid, not ${bid.response.status}`);
  const published = await admin.GET("/api/v1/bids/{id}/ocds", {
    params: { path: { id: bid.data!.id } },
  });
  const release = published.data?.releases?.[0];
  check(release?.ocid === ocid, "the bid's release of the tender's process");
  check(
    release?.bids?.details?.[0]?.tenderers?.[0]?.id === `coophub-${slug}`,
    "the co-op as the bid's tenderer",
  );
  check(
    (published.data?.extensions ?? []).some((url) => url.includes("ocds_bid_extension")),
    "the bids extension declared",
  );

  const shown = await anonymous.GET("/api/v1/coops/{slug}", { params: { path: { slug } } });
  check(shown.data?.location?.country === "GB", "the country kept in upper case");
  console.log("typescript client: the flow passed");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
