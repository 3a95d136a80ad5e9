/**
 * `deno task gen`: writes the files generated from the group declarations (docs/FIELDS.md,
 * report/offsets_types.ts, docs/report.schema.json) and the bundled CLI (`dist/`, from the
 * sources); tests/generated_test.ts fails when a committed one differs from what this would
 * write.
 * @module
 */
import { BUNDLE_DIR, bundleFiles } from "./bundle.ts";
import { fieldsMarkdown } from "./fields_md.ts";
import { reportSchema } from "./schema.ts";
import { typesModule } from "./types.ts";

/** Repository-relative path → generated text. */
const GENERATED: Record<string, () => string> = {
  "docs/FIELDS.md": fieldsMarkdown,
  "report/offsets_types.ts": typesModule,
  "docs/report.schema.json": reportSchema,
};

/** `text` as `deno fmt` (the repository's settings) leaves a file named `path`. */
async function formatted(path: string, text: string): Promise<string> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--ext", path.split(".").pop()!, "-"],
    cwd: new URL("..", import.meta.url),
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(text));
  await writer.close();
  const out = await child.output();
  if (!out.success) throw new Error(`deno fmt failed on the generated ${path}`);
  return new TextDecoder().decode(out.stdout);
}

/** Every generated file (formatted, but for the bundle): path → text. */
export async function generateAll(): Promise<Record<string, string>> {
  const out: Record<string, string> = await bundleFiles();
  for (const [path, make] of Object.entries(GENERATED)) out[path] = await formatted(path, make());
  return out;
}

function existsDir(url: URL): boolean {
  try {
    return Deno.statSync(url).isDirectory;
  } catch {
    return false;
  }
}

if (import.meta.main) {
  const files = await generateAll();
  // Files of an earlier bundle (another entry point, say) must not stay behind.
  const bundle = new URL(`../${BUNDLE_DIR}`, import.meta.url);
  if (existsDir(bundle)) Deno.removeSync(bundle, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    const at = new URL(`../${path}`, import.meta.url);
    Deno.mkdirSync(new URL(".", at), { recursive: true });
    Deno.writeTextFileSync(at, text);
    console.log(`wrote ${path}`);
  }
}
