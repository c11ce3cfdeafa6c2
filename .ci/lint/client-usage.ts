// A TypeScript client of the contract, as a client developer would write it: the week's story through
// openapi-fetch on types openapi-typescript generated from openapi.yaml. .ci/lint/run.sh only compiles it
// (tsc --noEmit), so a contract change that breaks such a client breaks the build.
import createClient from "openapi-fetch";
import type { components, paths } from "./learninglog-api";

type Entry = components["schemas"]["Entry"];
type Problem = components["schemas"]["Problem"];
type QuestionStatus = components["schemas"]["QuestionStatus"];

const client = createClient<paths>({
  baseUrl: "https://learninglog.example.com",
  headers: { Authorization: "Bearer llt_example" },
});

function fail(problem: Problem): never {
  throw new Error(`${problem.status} ${problem.title}: ${problem.detail ?? ""}`);
}

export function isSettled(status: QuestionStatus): boolean {
  // The enums are open: a value this client does not know yet is "other", not an error.
  switch (status) {
    case "ANSWERED":
      return true;
    case "OPEN":
    case "NONE":
      return false;
    default:
      return false;
  }
}

export async function week(groupId: string): Promise<Entry> {
  const put = await client.PUT("/api/v1/groups/{groupId}/weeks/{week}/entries/me", {
    params: { path: { groupId, week: "current" } },
    body: {
      tried: "Switched to a new packaging supplier",
      failed: "Costs came in 20% over budget",
      question: "Has anyone found a workaround?",
      tags: ["packaging"],
    },
  });
  if (put.error) fail(put.error);
  const entry = put.data;

  const reply = await client.POST("/api/v1/entries/{entryId}/replies", {
    params: { path: { entryId: entry.id }, header: { "Idempotency-Key": "story-reply-1" } },
    body: { body: "Pool the orders with two regions" },
  });
  if (reply.error) fail(reply.error);

  const accepted = await client.PUT("/api/v1/entries/{entryId}/answer", {
    params: { path: { entryId: entry.id } },
    body: { replyId: reply.data.id },
  });
  if (accepted.error) fail(accepted.error);

  // Editing from a list: each entry carries the version that If-Match sends.
  const mine = await client.GET("/api/v1/me/entries", { params: { query: { limit: 10 } } });
  if (mine.error) fail(mine.error);
  const listed = mine.data.items.find((e) => e.id === entry.id) ?? accepted.data;
  const edited = await client.PATCH("/api/v1/entries/{entryId}", {
    params: { path: { entryId: listed.id }, header: { "If-Match": `"${listed.version}"` } },
    body: { tags: ["packaging", "supplier-costs"] },
  });
  if (edited.error) fail(edited.error);

  const open = await client.GET("/api/v1/questions", { params: { query: { status: "OPEN", sort: "WAITING" } } });
  if (open.error) fail(open.error);
  return edited.data;
}
