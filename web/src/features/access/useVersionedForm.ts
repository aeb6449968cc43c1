import { useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrors, type FormErrors } from '../../shared/forms/errors';
import { useFormErrors, type FormErrorsState } from '../../shared/forms/Form';
import { useFlash } from './flash';
import { useApiErrors } from './useApiErrors';

/**
 * What a form of one versioned object (provider, unit, user, …) brings of its own. `Loaded` is
 * the object the form opens with: `Entity`, or `Entity | null` on a page that also creates one.
 */
export interface VersionedFormConfig<Values, Entity, Loaded extends Entity | null = Entity | null> {
  /** The object edited; null for a new one (a new one never meets a conflict). */
  entity: Loaded;
  /** The form's values for an object (or for null: those of an empty form). */
  valuesOf: (entity: Loaded | Entity) => Values;
  /** The object's version, the one a save expects to replace. */
  versionOf: (entity: Entity) => number;
  /** Checks in the browser, before anything is sent; errors stop the save. */
  check: (values: Values) => FormErrors;
  /** Whether the form has a field with this key (for the values sent), where the server's field messages go. */
  isField: (key: string, values: Values) => boolean;
  /**
   * Creates or updates the object. Resolves to the saved object when the page stays with it (the
   * form takes its values and version), to nothing when the page has moved on by itself.
   */
  submit: (values: Values, expectedVersion: number) => Promise<Entity | void>;
  /** The object as it is stored now, fetched after a conflict. */
  reload: () => Promise<Entity | null>;
  /** The page's mutations are running: a save in the meantime is ignored. */
  busy: boolean;
  /** "Use saved" confirms with a success message (default true). */
  announceUseSaved?: boolean;
  /** "Keep mine" closes the conflict notice while it saves again (default false: it stays until saved). */
  closeOnKeepMine?: boolean;
}

/** Where a failed request's messages go: a form and the field keys it has. */
export interface ErrorTarget {
  form: FormErrorsState;
  isField: (key: string) => boolean;
}

export interface VersionedForm<Values, Entity> {
  values: Values;
  setValues: Dispatch<SetStateAction<Values>>;
  /** Changes one value. */
  set: <K extends keyof Values>(key: K, value: Values[K]) => void;
  /** The version the next save expects. */
  version: number;
  setVersion: (version: number) => void;
  /** The object the values were last taken from: the one loaded, saved, or chosen with "use saved". */
  base: Entity | null;
  /** Takes an object's values and version (after another action on the page saved it). */
  take: (entity: Entity) => void;
  /** The object as someone else saved it, while the user chooses between it and their own values. */
  conflict: Entity | null;
  /** The form's errors, for <Form state>. */
  form: FormErrorsState;
  /** Checks and saves, expecting the given version. */
  save: (expectedVersion: number) => Promise<void>;
  /** Saves with the version the form has: the form's onSubmit. */
  onSubmit: () => void;
  /** "Keep mine": saves the user's values over the version someone else saved. */
  keepMine: () => void;
  /** "Use saved": loads the values someone else saved. */
  loadSaved: () => void;
  /**
   * Shows a failed request: a conflict as the notice with both versions, anything else in the
   * form (by default this form; another one, e.g. a second form of the page, as `target`).
   */
  handleError: (error: unknown, target?: ErrorTarget) => Promise<void>;
}

/**
 * A form of one versioned object: its values, the version a save expects, and a conflict when
 * someone else saved the object meanwhile. Nothing is overwritten: the page shows the conflict
 * (<ConflictNotice>) and the user keeps their values or loads the saved ones.
 */
export function useVersionedForm<Values, Entity, Loaded extends Entity | null = Entity | null>(
  config: VersionedFormConfig<Values, Entity, Loaded>,
): VersionedForm<Values, Entity> {
  const { entity, valuesOf, versionOf, check, isField, submit, reload, busy, announceUseSaved = true, closeOnKeepMine = false } = config;
  const { t } = useTranslation('access');
  const form = useFormErrors();
  const mapError = useApiErrors();
  const { flash, clear: clearFlash } = useFlash();
  const [values, setValues] = useState<Values>(() => valuesOf(entity));
  const [version, setVersion] = useState(() => (entity ? versionOf(entity) : 0));
  const [base, setBase] = useState<Entity | null>(entity);
  const [conflict, setConflict] = useState<Entity | null>(null);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  const take = (next: Entity) => {
    setValues(valuesOf(next));
    setVersion(versionOf(next));
    setBase(next);
  };

  const handleError = async (error: unknown, target: ErrorTarget = { form, isField: (key) => isField(key, values) }) => {
    const { errors, problem } = mapError(error, target.isField);
    if (problem.code === 'CONFLICT' && entity) {
      target.form.clear();
      setConflict(await reload());
      return;
    }
    target.form.show(errors);
  };

  const save = async (expectedVersion: number) => {
    if (busy) return;
    clearFlash();
    const checked = check(values);
    if (hasErrors(checked)) return form.show(checked);
    try {
      const saved = await submit(values, expectedVersion);
      form.clear();
      if (saved) {
        setConflict(null);
        take(saved);
      }
    } catch (error) {
      await handleError(error);
    }
  };

  const keepMine = () => {
    if (!conflict) return;
    const current = versionOf(conflict);
    setVersion(current);
    if (closeOnKeepMine) setConflict(null);
    void save(current);
  };

  const loadSaved = () => {
    if (!conflict) return;
    take(conflict);
    setConflict(null);
    if (announceUseSaved) flash(t('conflict.loaded'));
  };

  return {
    values,
    setValues,
    set,
    version,
    setVersion,
    base,
    take,
    conflict,
    form,
    save,
    onSubmit: () => void save(version),
    keepMine,
    loadSaved,
    handleError,
  };
}
