import { formatDay } from './dates';

/**
 * A commented starter landscape (for `sapready init` and the editor's "New Landscape File").
 * It checks clean on the day it is written: the expiry date is computed from `today`.
 */
export function starterLandscape(today: number): string {
  const expires = formatDay(today + 14);
  return `# SAP landscape kept as code: checked by \`sapready check\` and the SAP Landscape Readiness extension.
# Format reference: schemas/landscape.schema.json (completion and hover with the Red Hat YAML extension).
landscape: My Landscape
partner: false                 # true for SAP partners: Solution Manager then needs SPS08

# Technical communication users (SAP Note 2174416): one per purpose, never a personal S-user.
users:
  S0012345678: { kind: technical, description: support backbone connectivity }

systems:
  # Solution Manager relays EWA data of the managed systems to SAP.
  SOL:
    product: solman
    release: "7.2"
    sps: 8
    host: solman.example.com
    instance: "00"
    client: "001"
    supportConnection: direct
    communicationUser: S0012345678
    components:
      SAP_BASIS: { release: "750", sp: 20 }
      ST-PI: { release: "740", sp: 22 }
      ST-A/PI: { release: "01V_731", sp: 3 }
    noteAssistant: { used: true, digitallySignedNotes: true }
    rfcDestinations:
      # HTTPS destinations of the updated support backbone (task list SAP_SUPPORT_HUB_CONFIG).
      SAP-SUPPORT_PORTAL: { type: H, host: apps.support.sap.com, port: 443, user: S0012345678 }
      SAP-SUPPORT_PARCELBOX: { type: G, host: documents.support.sap.com, port: 443, user: S0012345678 }
      SAP-SUPPORT_NOTE_DOWNLOAD: { type: G, host: notesdownloads.sap.com, port: 443, user: S0012345678 }

  # A managed ABAP system that sends its data through Solution Manager.
  PRD:
    product: abap
    role: production
    host: prd.example.com
    instance: "00"                # quoted: YAML reads 010 as the number 10
    client: "100"
    supportConnection: solman
    solman: SOL
    components:
      SAP_BASIS: { release: "754", sp: 5 }
      ST-PI: { release: "740", sp: 22 }
    noteAssistant: { used: false }
    serviceConnections:
      r3-support: {}              # set up once; add a window when SAP needs access
    logonData:
      # Customer Remote Logon Depot: the password lives in secret storage, never here.
      - { user: SAPSUPPORT, client: "100", expires: ${expires}, secret: PRD/SAPSUPPORT }
`;
}
