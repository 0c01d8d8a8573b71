/** What the clinic set for the removal estimate (the skin type and the head come from the
 * design); the panel and the report read the same. */
import { create } from 'zustand';
import { defaultKirbyDesaiInput, type KirbyDesaiInput } from '../model';

export type RemovalInput = Omit<KirbyDesaiInput, 'fitzpatrick' | 'location'>;

export const useRemovalInput = create<RemovalInput>(() => {
  const { fitzpatrick: _f, location: _l, ...rest } = defaultKirbyDesaiInput();
  return rest;
});

/** What the clinic set, whole. */
export const setRemovalInput = (next: RemovalInput): void => useRemovalInput.setState(next, true);
