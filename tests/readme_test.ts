/**
 * The README's examples work as written: every `$ ktstr-btf …` line of its code blocks is run
 * through bash with the launcher on PATH (as the README's install puts it there), and the
 * lines printed after it in the README must appear in the real output, in order (`...`
 * stands for lines left out).
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

Deno.test("README: every ktstr-btf example prints what the README shows", () => {
  const examples = readmeExamples(Deno.readTextFileSync(`${repo}README.md`));
  assert.ok(examples.length >= 4, `only ${examples.length} examples found`);
  const denoDir = Deno.execPath().replace(/\/[^/]+$/, "");
  for (const { command, expected } of examples) {
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
      assert.ok(found >= 0, `${command}: missing or out of order: ${JSON.stringify(want)}`);
      at = found + 1;
    }
  }
});
