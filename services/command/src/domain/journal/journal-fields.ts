import { badInput, isDomainError, type DomainError } from '../shared/domain-error.js';
import { optionalText, requiredText } from '../shared/text-rules.js';
import { journalLimits } from './journal.js';

export interface ValidJournalFields {
  readonly name: string;
  readonly description: string | null;
  readonly color: string | null;
  readonly icon: string | null;
  readonly isPrivate: boolean;
}

/** Checks and normalizes the editable fields; the first refused field is reported. */
export function validJournalFields(fields: {
  name: string;
  description?: string | null;
  color?: string | null;
  icon?: string | null;
  isPrivate?: boolean;
}): ValidJournalFields | DomainError {
  const name = requiredText('name', fields.name, journalLimits.name);
  if (isDomainError(name)) return name;
  const description = optionalText('description', fields.description, journalLimits.description);
  if (isDomainError(description)) return description;
  const color = validColor(fields.color);
  if (isDomainError(color)) return color;
  const icon = optionalText('icon', fields.icon, journalLimits.icon);
  if (isDomainError(icon)) return icon;
  // Unset means not private, as command.proto's CreateJournalInput documents.
  return { name, description, color, icon, isPrivate: fields.isPrivate ?? false };
}

function validColor(color: string | null | undefined): string | null | DomainError {
  if (color === undefined || color === null || color.trim() === '') return null;
  const trimmed = color.trim();
  return /^#[0-9a-fA-F]{6}$/.test(trimmed) ? trimmed.toLowerCase() : badInput('color', 'color must look like #RRGGBB');
}
