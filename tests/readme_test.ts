/**
 * The examples of the README and of docs/ work as written: every `$ ktstr-btf …` line of
 * their code blocks is run through bash with the launcher on PATH (as the README's install
 * puts it there), and the lines printed after it on the page must appear in the real output,
 * in order (`...` stands for lines left out).
 */
import assert from "node:assert/strict";
import { fileURLToPath as fromFileUrl } from "node:url";

const repo = fromFileUrl(new URL("..", import.meta.url));

/** One example: the command after `$ ` and the lines the README shows for it. */
interface Example {
  command: string;
  expected: string[];
}

/** The `$ ktstr-btf` examples of every fenced block of `markdown`. */
function readmeExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  for (const block of markdown.split("```").filter((_, i) => i % 2 === 1)) {
    let current: Example | undefined;
    for (const line of block.split("\n").slice(1)) {
      if (line.startsWith("$ ")) {
        current = { command: line.slice(2), expected: [] };
        if (current.command.startsWith("ktstr-btf ")) examples.push(current);
      } else if (current && line !== "" && line !== "...") {
        current.expected.push(line.replace(/^\s*\.\.\.$/, ""));
      }
    }
  }
  return examples;
}

/** The README and every page of docs/. */
const PAGES = ["README.md", ...[...Deno.readDirSync(`${repo}docs`)].map((e) => `docs/${e.name}`)]
  .filter((p) => p.endsWith(".md")).sort();

Deno.test("README and docs: every ktstr-btf example prints what the page shows", () => {
  const examples = PAGES.flatMap((page) =>
    readmeExamples(Deno.readTextFileSync(`${repo}${page}`)).map((e) => ({ ...e, page }))
  );
  assert.ok(examples.length >= 8, `only ${examples.length} examples found`);
  assert.ok(examples.some((e) => e.page === "README.md"), "the README shows an example");
  const denoDir = Deno.execPath().replace(/\/[^/]+$/, "");
  for (const { command, expected, page } of examples) {
    const out = new Deno.Command("bash", {
      args: ["-c", `{ ${command}; } 2>&1`],
      cwd: repo,
      env: { PATH: `${repo}bin:${denoDir}:${Deno.env.get("PATH")}`, NO_COLOR: "1" },
      stdout: "piped",
    }).outputSync();
    const lines = new TextDecoder().decode(out.stdout).split("\n");
    let at = 0;
    for (const want of expected.filter((l) => l !== "")) {
      const found = lines.indexOf(want, at);
      assert.ok(
        found >= 0,
        `${page}: ${command}: missing or out of order: ${JSON.stringify(want)}`,
      );
      at = found + 1;
    }
  }
});
