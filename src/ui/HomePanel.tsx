import { AftercarePanel } from './AftercarePanel';
import { Favourites } from './Favourites';
import { HomeTry } from './HomeTry';
import { ShareLink } from './ShareLink';
import { SkinTypeSelect } from './SkinTone';

export function HomePanel() {
  return (
    <>
      <p className="lede big">See how scalp micropigmentation could look on you.</p>
      <SkinTypeSelect simple />
      <HomeTry />
      <Favourites />
      <AftercarePanel compact />
      <ShareLink label="Send my choice back" help="Send it to your clinic: it opens your density and shade there." />
      <p className="note">
        Choose the skin type closest to yours, then try more or fewer dots and a lighter or darker shade. Turn the head with the buttons under the picture, or drag it with a finger; pinch to zoom.
        Everything stays on your phone.
      </p>
    </>
  );
}
