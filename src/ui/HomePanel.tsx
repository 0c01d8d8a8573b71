import { AftercarePanel } from './AftercarePanel';
import { Favourites } from './Favourites';
import { HomeTry } from './HomeTry';
import { ShareLink } from './ShareLink';
import { SkinTypeSelect } from './SkinTone';

export function HomePanel() {
  return (
    <>
      <HomeTry />
      <SkinTypeSelect simple />
      <Favourites />
      <AftercarePanel compact />
      <ShareLink label="Send my choice back" help="Send it to your clinic: it opens your density and shade there." />
      <p className="note">
        See how scalp micropigmentation could look on you. Choose the skin type closest to yours, then try more or fewer dots and a lighter or darker shade. Turn the head with the buttons under the
        picture, or drag it with a finger; pinch to zoom. Everything stays on your phone.
      </p>
    </>
  );
}
