/**
 * Whether a party's name is an organisation's. Dockets do not say; words such as Inc., LLC,
 * Company, Bank, "United States" or "County of" do. Everything else is taken for a person.
 */
const ORGANISATION = /\b(inc|incorporated|llc|l\.l\.c|llp|l\.l\.p|lp|l\.p|ltd|limited|corp|corporation|co|company|companies|bank|association|assn|trust|fund|foundation|university|college|school|hospital|insurance|partners|partnership|group|holdings|services|systems|department|dept|office|agency|commission|board|authority|bureau|county|city|state|states|commonwealth|government|usa|u\.s\.a|united states|district|church|union|committee|council|society|institute|center|centre|gp|plc|n\.a|s\.a|ag|gmbh)\b\.?/i;

export function looksLikeOrganisation(name: string): boolean {
  return ORGANISATION.test(name);
}
